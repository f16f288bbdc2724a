# Barrier: the parties meet, each gets its arrival index, then it refills; abort breaks it; reset breaks the
# current round only.
import asyncio
async def party(b, name, delay):
    await asyncio.sleep(delay)
    print(name, "arrives; waiting:", b.n_waiting)
    try:
        i = await b.wait()
        print(name, "passes with index", i)
    except asyncio.BrokenBarrierError as e:
        print(name, repr(e))
async def main():
    b = asyncio.Barrier(3)
    print(b.parties, b.n_waiting, b.broken)
    await asyncio.gather(*(party(b, f"p{i}", 0.01 * i) for i in range(3)))
    await asyncio.gather(*(party(b, f"q{i}", 0.01 * i) for i in range(3)))
    t = [asyncio.create_task(party(b, f"r{i}", 0)) for i in range(2)]
    await asyncio.sleep(0.01)
    await b.reset()
    await asyncio.gather(*t)
    print("after reset broken:", b.broken)
    t = [asyncio.create_task(party(b, f"s{i}", 0)) for i in range(2)]
    await asyncio.sleep(0.01)
    await b.abort()
    await asyncio.gather(*t)
    print("broken:", b.broken)
    await party(b, "late", 0)
    try:
        asyncio.Barrier(0)
    except ValueError as e:
        print(repr(e))
asyncio.run(main())

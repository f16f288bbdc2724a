# gather: results in argument order (not completion order); coroutines become tasks; a duplicate runs once;
# the first failure is raised at once while the others keep running; return_exceptions puts failures in place.
import asyncio
async def work(name, delay, fail=False):
    await asyncio.sleep(delay)
    print("finished", name)
    if fail:
        raise ValueError(name)
    return name
async def main():
    t = asyncio.create_task(work("t", 0.01))
    print(await asyncio.gather(work("slow", 0.03), work("fast", 0.01), t, t))
    slow = asyncio.create_task(work("slow2", 0.03))
    try:
        await asyncio.gather(work("bad", 0.01, True), slow)
    except ValueError as e:
        print("raised", repr(e), "slow2 done:", slow.done())
    await asyncio.sleep(0.03)
    print("slow2 done:", slow.done())
    print(await asyncio.gather(work("ok", 0.01), work("bad2", 0.02, True), return_exceptions=True))
    print(await asyncio.gather())
asyncio.run(main())

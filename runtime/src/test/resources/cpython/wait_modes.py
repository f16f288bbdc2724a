# asyncio.wait: FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED, timeout; the sets hold the very futures
# passed in; nothing is cancelled; an empty collection is refused.
import asyncio
async def work(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(name)
    return name
def names(fs, tasks):
    return sorted(n for n, t in tasks.items() if t in fs)
async def main():
    tasks = {n: asyncio.create_task(work(n, d, f)) for n, d, f in
             [("a", 0.01, False), ("b", 0.02, True), ("c", 0.2, False)]}
    done, pending = await asyncio.wait(tasks.values(), return_when=asyncio.FIRST_COMPLETED)
    print("FIRST_COMPLETED", names(done, tasks), names(pending, tasks))
    done, pending = await asyncio.wait(tasks.values(), return_when=asyncio.FIRST_EXCEPTION)
    print("FIRST_EXCEPTION", names(done, tasks), names(pending, tasks))
    done, pending = await asyncio.wait(tasks.values(), timeout=0.005)
    print("timeout", names(done, tasks), names(pending, tasks), tasks["c"].cancelled())
    done, pending = await asyncio.wait(tasks.values())
    print("ALL_COMPLETED", names(done, tasks), names(pending, tasks))
    print(all(any(t is d for d in done) for t in tasks.values()))
    print(repr(tasks["b"].exception()))
    x = asyncio.create_task(work("x", 0.01))
    done, pending = await asyncio.wait([x], return_when=asyncio.FIRST_EXCEPTION)
    print("no exception: waits for all", len(done), len(pending))
    try:
        await asyncio.wait([])
    except ValueError as e:
        print(repr(e))
asyncio.run(main())

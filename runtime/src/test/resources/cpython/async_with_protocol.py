# The async context manager protocol, called by hand: __aenter__, then __aexit__ with what the block raised.
import asyncio
async def child(name, delay, fail):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise
    if fail:
        raise ValueError(name)
    print(name, "done")
async def main():
    tg = asyncio.TaskGroup()
    await tg.__aenter__()
    tg.create_task(child("a", 0.01, True))
    tg.create_task(child("b", 0.1, False))
    try:
        await asyncio.sleep(1)
        print("never")
    except asyncio.CancelledError as e:
        try:
            r = await tg.__aexit__(type(e), e, None)
            print("aexit returned", r)
        except ExceptionGroup as eg:
            print("aexit raised", type(eg).__name__, list(eg.exceptions))
    tg = asyncio.TaskGroup()
    await tg.__aenter__()
    t = tg.create_task(child("c", 0.01, False))
    print("aexit returned", await tg.__aexit__(None, None, None), t.result())
    cm = asyncio.timeout(0.01)
    await cm.__aenter__()
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        try:
            await cm.__aexit__(type(e), e, None)
        except TimeoutError as te:
            print("timeout raised", type(te).__name__, "cause", type(te.__cause__).__name__, cm.expired())
    lock = asyncio.Lock()
    await lock.__aenter__()
    print("locked", lock.locked())
    print("aexit returned", await lock.__aexit__(ValueError, ValueError("x"), None), "locked", lock.locked())
asyncio.run(main())

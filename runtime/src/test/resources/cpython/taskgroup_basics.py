# TaskGroup: waits for every child; the first failure cancels the siblings and the body; all failures in one
# ExceptionGroup, children's first (in failure order), then the body's; cancelling() is back to 0.
import asyncio
async def work(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise
    print(name, "done")
    if fail:
        raise ValueError(name)
    return name
async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(work("a", 0.02))
        b = tg.create_task(work("b", 0.01))
        print("body done")
    print("all done:", a.result(), b.result())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work("c", 0.01, True))
            tg.create_task(work("d", 0.1, True))
            tg.create_task(work("e", 1))
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                print("body cancelled")
                raise
    except ExceptionGroup as eg:
        print(repr(eg), str(eg))
    print("cancelling:", asyncio.current_task().cancelling())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work("f", 0.01, True))
            tg.create_task(work("g", 0.1, True))
            await asyncio.sleep(0.05)
    except* ValueError as eg:
        print("except*", repr(eg))
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work("h", 0.05))
            await asyncio.sleep(0)
            raise KeyError("body")
    except ExceptionGroup as eg:
        print(repr(eg))
    try:
        async with asyncio.TaskGroup() as tg:
            t = tg.create_task(work("i", 0.01, True))
            try:
                await asyncio.sleep(0.1)
            except asyncio.CancelledError:
                raise KeyError("late body")
    except ExceptionGroup as eg:
        print(repr(eg))
    try:
        tg.create_task(work("j", 0))
    except RuntimeError as e:
        print(repr(e))
asyncio.run(main())

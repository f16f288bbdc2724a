# A task cancelled in Condition.wait re-acquires the lock before the CancelledError reaches it; a signal it had
# received passes to the next waiter. A putter cancelled after a slot freed up passes the slot on.
import asyncio
async def waiter(cond, name):
    async with cond:
        try:
            await cond.wait()
            print(name, "notified")
        except asyncio.CancelledError:
            print(name, "cancelled; holds the lock again:", cond.locked())
            raise
async def main():
    cond = asyncio.Condition()
    a = asyncio.create_task(waiter(cond, "a"))
    b = asyncio.create_task(waiter(cond, "b"))
    await asyncio.sleep(0)
    async with cond:
        cond.notify(1)
        a.cancel()
    await asyncio.gather(a, b, return_exceptions=True)
    print("a cancelled:", a.cancelled(), "b done:", b.done())
    q = asyncio.Queue(1)
    q.put_nowait("first")
    async def putter(name, item):
        try:
            await q.put(item)
            print(name, "put", item)
        except asyncio.CancelledError:
            print(name, "cancelled")
            raise
    p1 = asyncio.create_task(putter("p1", "x"))
    p2 = asyncio.create_task(putter("p2", "y"))
    await asyncio.sleep(0)
    print(q.get_nowait())
    p1.cancel()
    await asyncio.gather(p1, p2, return_exceptions=True)
    print(q.get_nowait(), q.empty())
asyncio.run(main())

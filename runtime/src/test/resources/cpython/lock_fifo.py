# Lock: FIFO hand-off, no barging (a newcomer queues behind waiters even when the lock is momentarily free);
# a cancelled waiter passes the wake-up on; release of an unlocked lock fails.
import asyncio
async def worker(lock, name):
    await lock.acquire()
    try:
        print(name, "acquired")
        await asyncio.sleep(0)
    finally:
        lock.release()
        print(name, "released")
async def main():
    lock = asyncio.Lock()
    print(lock.locked())
    await lock.acquire()
    tasks = [asyncio.create_task(worker(lock, n)) for n in ("a", "b", "c")]
    await asyncio.sleep(0)
    print(repr(lock)[repr(lock).index('['):])
    lock.release()
    print("released by main; locked:", lock.locked())
    late = asyncio.create_task(worker(lock, "late"))
    await asyncio.gather(*tasks, late)
    await lock.acquire()
    x = asyncio.create_task(worker(lock, "x"))
    y = asyncio.create_task(worker(lock, "y"))
    await asyncio.sleep(0)
    lock.release()
    x.cancel()
    await asyncio.gather(x, y, return_exceptions=True)
    print("x cancelled:", x.cancelled(), "locked:", lock.locked())
    try:
        lock.release()
    except RuntimeError as e:
        print(repr(e))
asyncio.run(main())

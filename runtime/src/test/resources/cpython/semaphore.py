# Semaphore: at most N holders, FIFO, no barging; BoundedSemaphore refuses an extra release; a waiter
# cancelled after being handed a permit gives it back.
import asyncio
async def worker(sem, name, delay):
    async with sem:
        print(name, "in")
        await asyncio.sleep(delay)
        print(name, "out")
async def main():
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(worker(sem, f"w{i}", 0.05 * (i + 1)) for i in range(4)))
    print(sem.locked())
    b = asyncio.BoundedSemaphore(1)
    await b.acquire()
    b.release()
    try:
        b.release()
    except ValueError as e:
        print(repr(e))
    s = asyncio.Semaphore(0)
    print(s.locked())
    t1 = asyncio.create_task(s.acquire())
    t2 = asyncio.create_task(s.acquire())
    await asyncio.sleep(0)
    s.release()
    t1.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("t1 cancelled:", t1.cancelled(), "t2 got it:", t2.done() and t2.result())
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print(repr(e))
asyncio.run(main())

# Queue.shutdown (3.13): puts fail; gets drain what is left, then fail; blocked callers wake with QueueShutDown;
# shutdown(immediate=True) drops the items, counting them done, which releases join().
import asyncio
async def blocked_get(q, name):
    try:
        await q.get()
    except asyncio.QueueShutDown as e:
        print(name, repr(e))
async def blocked_put(q, name):
    try:
        await q.put("x")
    except asyncio.QueueShutDown as e:
        print(name, repr(e))
async def main():
    q = asyncio.Queue()
    g = asyncio.create_task(blocked_get(q, "getter"))
    await asyncio.sleep(0)
    q.shutdown()
    await g
    q = asyncio.Queue()
    q.put_nowait(1)
    q.put_nowait(2)
    q.shutdown()
    for f in (lambda: q.put_nowait(3),):
        try:
            f()
        except asyncio.QueueShutDown as e:
            print("put_nowait", repr(e))
    print(await q.get(), q.get_nowait())
    try:
        await q.get()
    except asyncio.QueueShutDown as e:
        print("drained get", repr(e))
    full = asyncio.Queue(1)
    full.put_nowait("only")
    p = asyncio.create_task(blocked_put(full, "putter"))
    await asyncio.sleep(0)
    full.shutdown()
    await p
    q = asyncio.Queue()
    for i in range(3):
        q.put_nowait(i)
    q.get_nowait()
    j = asyncio.create_task(q.join())
    await asyncio.sleep(0)
    q.shutdown(immediate=True)
    print("qsize", q.qsize())
    try:
        q.get_nowait()
    except asyncio.QueueShutDown as e:
        print("immediate", repr(e))
    await asyncio.sleep(0)
    print("join waiting on the item taken out:", not j.done())
    q.task_done()
    await j
    print("joined")
asyncio.run(main())

# Queue: FIFO; get_nowait/put_nowait raise QueueEmpty/QueueFull; a full queue blocks put; waiting getters and
# putters are served FIFO; task_done/join; too many task_done calls.
import asyncio
async def getter(q, name):
    item = await q.get()
    print(name, "got", item)
async def putter(q, name, item):
    await q.put(item)
    print(name, "put", item)
async def main():
    q = asyncio.Queue(maxsize=2)
    print(q.maxsize, q.qsize(), q.empty(), q.full())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        print(repr(e))
    q.put_nowait(1)
    q.put_nowait(None)
    print(q.qsize(), q.full())
    try:
        q.put_nowait(3)
    except asyncio.QueueFull as e:
        print(repr(e))
    ps = [asyncio.create_task(putter(q, f"p{i}", i)) for i in (3, 4)]
    await asyncio.sleep(0)
    print("putters waiting; qsize", q.qsize())
    print(q.get_nowait(), q.get_nowait())
    await asyncio.sleep(0)
    print("after two gets: qsize", q.qsize())
    await asyncio.gather(*ps)
    print(q.get_nowait(), q.get_nowait(), q.empty())
    for _ in range(4):
        q.task_done()
    await q.join()
    print("4 task_done calls for 4 items: join returns at once")
    try:
        q.task_done()
    except ValueError as e:
        print(repr(e))
    q = asyncio.Queue()
    gs = [asyncio.create_task(getter(q, f"g{i}")) for i in range(3)]
    await asyncio.sleep(0)
    for item in "abc":
        q.put_nowait(item)
    await asyncio.gather(*gs)
    q2 = asyncio.Queue(1)
    async def consumer():
        while True:
            item = await q2.get()
            await asyncio.sleep(0.01)
            print("processed", item)
            q2.task_done()
    c = asyncio.create_task(consumer())
    for i in range(3):
        await q2.put(i)
    await q2.join()
    print("joined")
    c.cancel()
asyncio.run(main())

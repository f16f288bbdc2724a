# A getter cancelled after an item was put for it does not lose the item: the next getter gets it.
import asyncio
async def getter(q, name):
    try:
        item = await q.get()
        print(name, "got", item)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise
async def main():
    q = asyncio.Queue()
    g1 = asyncio.create_task(getter(q, "g1"))
    g2 = asyncio.create_task(getter(q, "g2"))
    await asyncio.sleep(0)
    q.put_nowait("item")
    g1.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("qsize", q.qsize(), "g2 done:", g2.done())
    q3 = asyncio.Queue()
    g3 = asyncio.create_task(getter(q3, "g3"))
    await asyncio.sleep(0)
    g3.cancel()
    await asyncio.sleep(0)
    q3.put_nowait("kept")
    print("qsize", q3.qsize(), q3.get_nowait())
asyncio.run(main())

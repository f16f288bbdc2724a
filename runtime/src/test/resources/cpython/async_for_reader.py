# async for over a StreamReader's lines and over a queue until it is shut down.
import asyncio
async def main():
    reader = asyncio.StreamReader()
    reader.feed_data(b"alpha\nbeta\n")
    reader.feed_data(b"gam")
    reader.feed_data(b"ma\ndelta")
    reader.feed_eof()
    async for line in reader:
        print(repr(line))
    q = asyncio.Queue()
    async def producer():
        for i in range(3):
            await q.put(i)
            await asyncio.sleep(0.01)
        q.shutdown()
    task = asyncio.create_task(producer())
    got = []
    while True:
        try:
            got.append(await q.get())
        except asyncio.QueueShutDown:
            break
    await task
    print("queue items", got)
asyncio.run(main())

import asyncio

async def producer(queue, name, count):
    for i in range(count):
        item = f"{name}-item-{i}"
        await queue.put(item)
        await asyncio.sleep(0.1)

async def consumer(queue, name):
    while True:
        item = await queue.get()
        print(f"{name} processed: {item}")
        await asyncio.sleep(0.05)
        queue.task_done()

async def main():
    queue = asyncio.Queue(maxsize=5)

    producers = [asyncio.create_task(producer(queue, "P1", 5))]
    consumers = [asyncio.create_task(consumer(queue, "C1"))]

    await asyncio.gather(*producers)  # Wait for producers to finish
    await queue.join()                # Wait for all items to be processed
    for c in consumers:
        c.cancel()                    # Cancel consumers (they loop forever)

asyncio.run(main())

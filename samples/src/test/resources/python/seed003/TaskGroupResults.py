import asyncio

async def fetch_data(name, delay):
    await asyncio.sleep(delay)
    return f"{name}: done"

async def main():
    async with asyncio.TaskGroup() as tg:
        task1 = tg.create_task(fetch_data("A", 0.2))
        task2 = tg.create_task(fetch_data("B", 0.1))
        task3 = tg.create_task(fetch_data("C", 0.3))

    # When we get here, ALL tasks are guaranteed to be done
    print(task1.result(), task2.result(), task3.result())

asyncio.run(main())

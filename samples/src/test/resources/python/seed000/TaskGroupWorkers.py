import asyncio

async def worker(name: str, delay: float) -> str:
    print(f"Worker {name}: начало")
    await asyncio.sleep(delay)
    print(f"Worker {name}: конец")
    return f"Результат {name}"

async def main():
    async with asyncio.TaskGroup() as tg:
        task1 = tg.create_task(worker("A", 1))
        task2 = tg.create_task(worker("B", 2))
        task3 = tg.create_task(worker("C", 0.5))

    # Все задачи завершены к этому моменту
    print(f"Результаты: {task1.result()}, {task2.result()}, {task3.result()}")

asyncio.run(main())

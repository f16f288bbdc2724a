import asyncio

async def best_practices_example():
    # Хороший пример создания и управления задачами
    async with asyncio.TaskGroup() as tg:
        # Именованные задачи
        task1 = tg.create_task(
            asyncio.sleep(1),
            name="sleep_task"
        )

    # Или для Python < 3.11
    tasks = [
        asyncio.create_task(asyncio.sleep(0.5), name=f"task_{i}")
        for i in range(3)
    ]

    results = await asyncio.gather(*tasks, return_exceptions=True)

    for task, result in zip(tasks, results):
        if isinstance(result, Exception):
            print(f"{task.get_name()} failed: {result}")
        else:
            print(f"{task.get_name()} succeeded")

asyncio.run(best_practices_example())

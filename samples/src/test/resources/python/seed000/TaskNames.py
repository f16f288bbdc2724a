import asyncio

async def worker():
    await asyncio.sleep(1)

async def main():
    # Создание задачи с именем
    task = asyncio.create_task(worker(), name="worker_task")

    print(f"Имя задачи: {task.get_name()}")

    # Можно изменить имя
    task.set_name("renamed_worker")
    print(f"Новое имя: {task.get_name()}")

    await task

asyncio.run(main())

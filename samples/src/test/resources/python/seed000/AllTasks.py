import asyncio

async def background_task(name: str):
    while True:
        await asyncio.sleep(1)
        print(f"{name}: работаю")

async def main():
    # Создаём несколько фоновых задач
    task1 = asyncio.create_task(background_task("Task1"))
    task2 = asyncio.create_task(background_task("Task2"))

    await asyncio.sleep(0.1)

    # Получаем все текущие задачи
    all_tasks = asyncio.all_tasks()
    print(f"Всего задач: {len(all_tasks)}")

    for task in all_tasks:
        print(f"  - {task.get_name()}: done={task.done()}")

    # Получаем текущую задачу
    current = asyncio.current_task()
    print(f"Текущая задача: {current.get_name()}")

    # Отменяем фоновые задачи
    task1.cancel()
    task2.cancel()

    # Ждём отмены
    await asyncio.gather(task1, task2, return_exceptions=True)

asyncio.run(main())

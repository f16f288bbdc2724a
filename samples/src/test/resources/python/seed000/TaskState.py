import asyncio

async def long_task():
    await asyncio.sleep(5)
    return "готово"

async def main():
    task = asyncio.create_task(long_task())

    # Проверка состояния
    print(f"Выполняется: {not task.done()}")
    print(f"Завершена: {task.done()}")
    print(f"Отменена: {task.cancelled()}")

    await asyncio.sleep(0.1)

    # Отменяем задачу
    task.cancel()

    try:
        await task
    except asyncio.CancelledError:
        print("Задача была отменена")

    print(f"После отмены - cancelled(): {task.cancelled()}")

asyncio.run(main())

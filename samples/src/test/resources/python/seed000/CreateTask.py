import asyncio

async def my_task(name: str, delay: float) -> str:
    print(f"Задача {name}: начало")
    await asyncio.sleep(delay)
    print(f"Задача {name}: завершена")
    return f"Результат {name}"

async def main():
    # Создаём задачу - корутина начинает выполняться немедленно
    task = asyncio.create_task(my_task("A", 2))

    # Можем делать другую работу, пока задача выполняется
    print("Главная функция: делаю другую работу")
    await asyncio.sleep(1)
    print("Главная функция: закончила другую работу")

    # Ожидаем завершения задачи
    result = await task
    print(f"Получен результат: {result}")

asyncio.run(main())

import asyncio
import time

async def fetch_data(source: str, delay: float) -> dict:
    print(f"Начинаю загрузку из {source}")
    await asyncio.sleep(delay)
    print(f"Завершена загрузка из {source}")
    return {"source": source, "data": f"данные из {source}"}

async def main():
    start = time.perf_counter()

    # Создаём задачи - все начинают выполняться сразу
    task1 = asyncio.create_task(fetch_data("API", 2))
    task2 = asyncio.create_task(fetch_data("Database", 1))
    task3 = asyncio.create_task(fetch_data("Cache", 0.5))

    # Ожидаем все задачи
    result1 = await task1
    result2 = await task2
    result3 = await task3

    elapsed = time.perf_counter() - start
    print(f"Все задачи выполнены за {elapsed:.2f} сек")
    # Вывод: ~2 секунды (параллельно), а не 3.5 секунды (последовательно)

asyncio.run(main())

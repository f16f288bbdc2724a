import asyncio

async def limited_task_pool(tasks: list, max_concurrent: int):
    """Выполняет задачи с ограничением параллелизма."""
    semaphore = asyncio.Semaphore(max_concurrent)

    async def run_with_semaphore(coro):
        async with semaphore:
            return await coro

    return await asyncio.gather(
        *[run_with_semaphore(task) for task in tasks]
    )

async def fetch_url(url: str) -> str:
    print(f"Начинаю загрузку: {url}")
    await asyncio.sleep(1)  # Имитация запроса
    print(f"Завершена загрузка: {url}")
    return f"Данные с {url}"

async def main():
    urls = [f"https://example.com/page{i}" for i in range(10)]
    tasks = [fetch_url(url) for url in urls]

    # Максимум 3 параллельных запроса
    results = await limited_task_pool(tasks, max_concurrent=3)
    print(f"Получено {len(results)} результатов")

asyncio.run(main())

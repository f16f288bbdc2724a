import asyncio

async def successful_task():
    await asyncio.sleep(0.5)
    return "успех"

async def failing_task():
    await asyncio.sleep(0.5)
    raise ValueError("Ошибка в задаче!")

async def main():
    # По умолчанию: первое исключение прерывает gather
    try:
        results = await asyncio.gather(
            successful_task(),
            failing_task(),
            successful_task()
        )
    except ValueError as e:
        print(f"Поймано исключение: {e}")

    # С return_exceptions=True: исключения возвращаются как результаты
    results = await asyncio.gather(
        successful_task(),
        failing_task(),
        successful_task(),
        return_exceptions=True
    )
    print(results)  # ['успех', ValueError('Ошибка в задаче!'), 'успех']

    # Обработка смешанных результатов
    for i, result in enumerate(results):
        if isinstance(result, Exception):
            print(f"Задача {i} завершилась с ошибкой: {result}")
        else:
            print(f"Задача {i} вернула: {result}")

asyncio.run(main())

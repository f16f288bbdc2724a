import asyncio

# Deterministic stand-in for random.uniform (the Java port uses the same fractions in the same order), so
# that every run prints the same lines in the same order.
FRACTIONS = [0.95, 0.75, 0.95, 0.1, 0.05, 0.4, 0.75, 0.5, 0.8, 0.8]
calls = 0

def uniform(a: float, b: float) -> float:
    global calls
    fraction = FRACTIONS[calls % len(FRACTIONS)]
    calls += 1
    return a + (b - a) * fraction

async def producer(queue: asyncio.Queue, name: str):
    """Производитель: добавляет элементы в очередь."""
    for i in range(5):
        item = f"{name}-item-{i}"
        await queue.put(item)
        print(f"Producer {name}: добавил {item}")
        await asyncio.sleep(uniform(0.1, 0.5))

async def consumer(queue: asyncio.Queue, name: str):
    """Потребитель: обрабатывает элементы из очереди."""
    while True:
        try:
            item = await asyncio.wait_for(queue.get(), timeout=2.0)
            print(f"Consumer {name}: обрабатывает {item}")
            await asyncio.sleep(uniform(0.1, 0.3))
            queue.task_done()
        except asyncio.TimeoutError:
            print(f"Consumer {name}: очередь пуста, завершаюсь")
            break

async def main():
    queue = asyncio.Queue()

    # Запускаем производителей и потребителей
    producers = [
        asyncio.create_task(producer(queue, f"P{i}"))
        for i in range(2)
    ]
    consumers = [
        asyncio.create_task(consumer(queue, f"C{i}"))
        for i in range(3)
    ]

    # Ждём завершения производителей
    await asyncio.gather(*producers)

    # Ждём обработки всех элементов
    await queue.join()

    # Отменяем потребителей
    for c in consumers:
        c.cancel()

asyncio.run(main())

# пример получения текущей задачи из главной корутины
import asyncio
# определение главной корутин
async def main():
    # вывод сообщения
    print('main coroutine started')
    # получение текущей задачи
    task = asyncio.current_task()
    # вывод сведений о ней
    print(task)
# запуск asyncio-программы
asyncio.run(main())

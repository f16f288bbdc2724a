import asyncio
  
# определение корутины
async def custom_coro():
    await asyncio.sleep(30)
    print("корутина custom_coro() выполнелась")
async def custom_coro2():
    print(asyncio.get_running_loop())
  
async def main():
    #создание корутин
    coro = custom_coro()
    coro2 = custom_coro2()
    #создание задач
    task1 = asyncio.create_task(coro=coro)
    task2 = asyncio.create_task(coro=coro2)
    # ожидание выполнения задач
    await task1
    await task2

#запуск основной корутины
asyncio.run(main())

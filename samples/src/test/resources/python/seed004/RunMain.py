import asyncio

# определение корутины
async def custom_coro():
    await asyncio.sleep(1)
print("корутина custom_coro() выполнелась")
  
async def main():
    print("корутина custom_coro выполняеться")
    await custom_coro()
  
#запуск основной корутины
asyncio.run(main())

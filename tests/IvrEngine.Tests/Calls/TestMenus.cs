using IvrEngine.Menus;

namespace IvrEngine.Tests.Calls;

/// <summary>Small menus written for the call tests, loaded through the real loader.</summary>
internal static class TestMenus
{
    /// <summary>
    /// A three-level line: billing (with back / main menu), an order-number collector feeding an
    /// announcement, plans (confirm-mode escape, prefix keys 1 and 10) and plan info (escape disabled).
    /// </summary>
    public const string Line = """
        {
          // A small carrier line for the call-engine tests.
          "name": "test-line",
          "timeZone": "America/New_York",
          "locales": ["en-US", "ru-RU"],
          "start": "main",
          "defaults": {
            "noInput": { "seconds": 5, "retries": 2 },
            "invalid": { "retries": 2 },
            "escape": { "to": { "queue": "general" } },
          },
          "budget": { "maxFailedInputs": 20, "maxMenuSeconds": 600 },
          "queues": {
            "general": { "name": { "en-US": "customer care", "ru-RU": "служба поддержки" } },
            "billing": { "name": { "en-US": "billing", "ru-RU": "отдел оплаты" } },
            "retention": { "name": { "en-US": "account services", "ru-RU": "отдел обслуживания" } },
          },
          "nodes": {
            "main": {
              "prompt": { "en-US": "Main menu. For billing, press 1. For orders, press 2. For plans, press 3.", "ru-RU": "Главное меню. Оплата — 1. Заказы — 2. Тарифы — 3." },
              "reprompt": { "en-US": "Press 1, 2 or 3.", "ru-RU": "Нажмите 1, 2 или 3." },
              "options": [
                { "key": "1", "say": { "en-US": ["billing", "pay my bill"], "ru-RU": ["оплата", "счёт"] }, "goto": "billing" },
                { "key": "2", "say": { "en-US": ["orders"], "ru-RU": ["заказ"] }, "goto": "order-number" },
                { "key": "3", "say": { "en-US": ["plans"], "ru-RU": ["тариф"] }, "goto": "plans" },
                { "say": { "en-US": ["cancel my service"], "ru-RU": ["отключить номер"] }, "message": { "en-US": "Let me get someone who can help.", "ru-RU": "Соединяю со специалистом." }, "queue": "retention" },
                { "key": "*", "do": "repeat" },
              ],
            },
            "billing": {
              "prompt": { "en-US": "Billing. For your balance, press 1. For a payment arrangement, press 2. For a payment, press 3. To go back, press 8. For the main menu, press 9.", "ru-RU": "Оплата. Баланс — 1. Рассрочка — 2. Платёж — 3. Назад — 8. Главное меню — 9." },
              "options": [
                { "key": "1", "say": { "en-US": ["balance"], "ru-RU": ["баланс"] }, "hangup": { "en-US": "Your balance is 40 dollars. Your reference number is {reference:digits}. Goodbye.", "ru-RU": "Ваш баланс 40 долларов. Номер обращения {reference:digits}. До свидания." } },
                { "key": "2", "say": { "en-US": ["payment arrangement"], "ru-RU": ["рассрочка"] }, "queue": "billing" },
                { "key": "3", "say": { "en-US": ["payment"], "ru-RU": ["платёж"] }, "hangup": { "en-US": "Pay in the app. Goodbye.", "ru-RU": "Оплатите в приложении. До свидания." } },
                { "key": "8", "do": "back" },
                { "key": "9", "do": "mainMenu" },
              ],
            },
            "order-number": {
              "prompt": { "en-US": "Enter your order number, then press pound.", "ru-RU": "Введите номер заказа и нажмите решётку." },
              "collect": { "into": "orderNumber", "minLength": 4, "maxLength": 8, "pattern": "^[1-9][0-9]*$", "next": { "goto": "order-status" } },
            },
            "order-status": {
              "prompt": { "en-US": "Order {orderNumber:digits} has shipped.", "ru-RU": "Заказ {orderNumber:digits} отправлен." },
              "next": { "do": "mainMenu" },
            },
            "plans": {
              "prompt": { "en-US": "Plans. For plan details, press 1. For plan 10, press 10. For more, press 2.", "ru-RU": "Тарифы. Подробности — 1. Тариф 10 — 10. Ещё — 2." },
              "escape": { "mode": "confirm" },
              "options": [
                { "key": "1", "hangup": { "en-US": "Plan details are in the app.", "ru-RU": "Подробности в приложении." } },
                { "key": "10", "hangup": { "en-US": "Plan 10 is unlimited.", "ru-RU": "Тариф 10 безлимитный." } },
                { "key": "2", "goto": "plan-info" },
              ],
            },
            "plan-info": {
              "prompt": { "en-US": "Plan info. Press 1 to hear it again, 9 for the main menu.", "ru-RU": "Информация о тарифе. 1 — повторить, 9 — главное меню." },
              "escape": { "mode": "disabled" },
              "options": [
                { "key": "1", "do": "repeat" },
                { "key": "9", "do": "mainMenu" },
              ],
            },
          },
        }
        """;

    public static Menu Load(string json = Line)
    {
        var result = MenuLoader.Load(json, "test-line.json");
        Assert.That(result.Errors, Is.Empty, "the test menu must load");
        return result.Menu!;
    }
}

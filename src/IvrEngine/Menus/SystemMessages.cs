namespace IvrEngine.Menus;

/// <summary>
/// What the line says outside any node's own prompts. Each may use the placeholders
/// <c>{reference}</c>, <c>{queue}</c>, <c>{choices}</c> (for <see cref="Ambiguous"/>), <c>{position}</c>,
/// <c>{wait}</c> ("about 4 minutes") and <c>{minutes}</c> (for the queue announcements) and call variables.
/// Menus override them under <c>"messages"</c>; <see cref="Default"/> covers <c>en-US</c> and <c>ru-RU</c>.
/// </summary>
public sealed record SystemMessages(
    LocalizedText NoInput,
    LocalizedText Invalid,
    LocalizedText InvalidNumber,
    LocalizedText Ambiguous,
    LocalizedText Transfer,
    LocalizedText BudgetExceeded,
    LocalizedText QueuePosition,
    LocalizedText QueueWait,
    LocalizedText QueueWaitUnknown,
    LocalizedText QueueOverflow)
{
    /// <summary>The built-in wording; a menu in another locale must define every message itself.</summary>
    public static readonly SystemMessages Default = new(
        NoInput: LocalizedText.Of(
            ("en-US", "Sorry, I didn't hear anything."),
            ("ru-RU", "Извините, я вас не услышал.")),
        Invalid: LocalizedText.Of(
            ("en-US", "Sorry, that's not one of the choices."),
            ("ru-RU", "Извините, такого варианта нет.")),
        InvalidNumber: LocalizedText.Of(
            ("en-US", "Sorry, that number doesn't look right."),
            ("ru-RU", "Извините, номер введён неверно.")),
        Ambiguous: LocalizedText.Of(
            ("en-US", "Sorry, did you mean {choices}?"),
            ("ru-RU", "Извините, вы имели в виду {choices}?")),
        Transfer: LocalizedText.Of(
            ("en-US", "Please hold while I connect you to {queue}. This call's reference number is {reference}."),
            ("ru-RU", "Пожалуйста, оставайтесь на линии, соединяю вас: {queue}. Номер этого звонка: {reference}.")),
        BudgetExceeded: LocalizedText.Of(
            ("en-US", "Let me get someone to help you."),
            ("ru-RU", "Сейчас я соединю вас со специалистом.")),
        QueuePosition: LocalizedText.Of(
            ("en-US", "You are number {position} in line."),
            ("ru-RU", "Ваш номер в очереди: {position}.")),
        QueueWait: LocalizedText.Of(
            ("en-US", "Your expected wait is {wait}."),
            ("ru-RU", "Примерное время ожидания: {wait}.")),
        QueueWaitUnknown: LocalizedText.Of(
            ("en-US", "We can't estimate your wait just yet. Thank you for holding."),
            ("ru-RU", "Пока мы не можем оценить время ожидания. Спасибо, что остаётесь на линии.")),
        QueueOverflow: LocalizedText.Of(
            ("en-US", "We're sorry, no one can take your call right now. Please call again later. This call's reference number is {reference}."),
            ("ru-RU", "К сожалению, сейчас никто не может ответить. Пожалуйста, перезвоните позже. Номер этого звонка: {reference}.")));

    /// <summary>Said when a node or queue is closed by its hours; <c>{opens}</c> is when it opens ("Monday at 10:00 AM Eastern Time").</summary>
    public LocalizedText Closed { get; init; } = LocalizedText.Of(
        ("en-US", "Sorry, we're closed right now. We open {opens}."),
        ("ru-RU", "К сожалению, сейчас мы не работаем. Мы откроемся {opens}."));

    /// <summary>Said instead of <see cref="Closed"/> when it is not known when the line opens (an emergency closure).</summary>
    public LocalizedText ClosedUnknown { get; init; } = LocalizedText.Of(
        ("en-US", "Sorry, we're closed right now. Please call again later."),
        ("ru-RU", "К сожалению, сейчас мы не работаем. Пожалуйста, перезвоните позже."));

    /// <summary>Virtual hold: offered to a waiting caller facing a long wait.</summary>
    public LocalizedText CallbackOffer { get; init; } = LocalizedText.Of(
        ("en-US", "To keep your place in line and have us call you back instead, press 1."),
        ("ru-RU", "Чтобы сохранить место в очереди и дождаться нашего звонка, нажмите 1."));

    /// <summary>Virtual hold: reads the caller's own number back; <c>{number}</c> is said digit by digit. 3 keys in another number.</summary>
    public LocalizedText CallbackConfirm { get; init; } = LocalizedText.Of(
        ("en-US", "We'll call you back at {number}. To confirm, press 1. To stay on the line, press 2. To give us a different number, press 3."),
        ("ru-RU", "Мы перезвоним вам по номеру {number}. Чтобы подтвердить, нажмите 1. Чтобы остаться на линии, нажмите 2. Чтобы указать другой номер, нажмите 3."));

    /// <summary>Said once the callback is stored: the caller may hang up.</summary>
    public LocalizedText CallbackBooked { get; init; } = LocalizedText.Of(
        ("en-US", "Your callback is booked. We'll keep your place in line and call you when it's your turn. Your reference number is {reference:digits}. Goodbye."),
        ("ru-RU", "Обратный звонок заказан. Ваше место в очереди сохранится, и мы позвоним, когда подойдёт ваша очередь. Номер вашего обращения: {reference:digits}. До свидания."));

    /// <summary>Said before keyed entry to a caller whose caller ID cannot be called back (none, withheld or invalid).</summary>
    public LocalizedText CallbackNoNumber { get; init; } = LocalizedText.Of(
        ("en-US", "We don't have a number to call you back on."),
        ("ru-RU", "У нас нет номера, по которому можно вам перезвонить."));

    /// <summary>Asks for the callback number on the keypad: national, or international after 0 0; pound ends it, star cancels.</summary>
    public LocalizedText CallbackEnterNumber { get; init; } = LocalizedText.Of(
        ("en-US", "Please enter the phone number we should call, starting with the area code, then press the pound key. To cancel, press star."),
        ("ru-RU", "Пожалуйста, введите номер телефона, по которому нам перезвонить, начиная с кода города, и нажмите решётку. Чтобы отменить, нажмите звёздочку."));

    /// <summary>Reads a keyed number back; <c>{number}</c> is said digit by digit. 1 confirms, 2 enters it again.</summary>
    public LocalizedText CallbackNumberReadBack { get; init; } = LocalizedText.Of(
        ("en-US", "You entered {number}. If that's right, press 1. To enter it again, press 2."),
        ("ru-RU", "Вы ввели номер {number}. Если он верный, нажмите 1. Чтобы ввести его заново, нажмите 2."));

    /// <summary>Said when keyed digits are not a number the line can call; the entry prompt follows.</summary>
    public LocalizedText CallbackNumberInvalid { get; init; } = LocalizedText.Of(
        ("en-US", "Sorry, that isn't a phone number we can call."),
        ("ru-RU", "Извините, по такому номеру мы позвонить не сможем."));

    /// <summary>Said when the caller ran out of tries to enter a number: no callback, and the line goes on as if it had been declined.</summary>
    public LocalizedText CallbackNumberGiveUp { get; init; } = LocalizedText.Of(
        ("en-US", "Sorry, we couldn't take a number to call you back."),
        ("ru-RU", "К сожалению, нам не удалось записать номер для обратного звонка."));

    /// <summary>Said when the caller's number already has a callback pending in the queue: one promise, one reference; <c>{slot}</c>.</summary>
    public LocalizedText CallbackAlreadyBooked { get; init; } = LocalizedText.Of(
        ("en-US", "You already have a callback booked for {slot}; we'll keep that one. Your reference number is {reference:digits}. Goodbye."),
        ("ru-RU", "У вас уже заказан обратный звонок: {slot}. Он остаётся в силе. Номер вашего обращения: {reference:digits}. До свидания."));

    /// <summary>Said when a callback cannot be stored (the store failed): nothing was promised.</summary>
    public LocalizedText CallbackUnavailable { get; init; } = LocalizedText.Of(
        ("en-US", "Sorry, we can't book a callback right now."),
        ("ru-RU", "К сожалению, сейчас мы не можем заказать обратный звонок."));

    /// <summary>Said to the callee who answers a callback, before they wait for the next agent.</summary>
    public LocalizedText CallbackGreeting { get; init; } = LocalizedText.Of(
        ("en-US", "Hello, this is {queue} calling you back, as you asked. Please hold for the next agent. Your reference number is {reference:digits}."),
        ("ru-RU", "Здравствуйте, это {queue}, вы просили перезвонить. Пожалуйста, дождитесь ответа сотрудника. Номер вашего обращения: {reference:digits}."));

    /// <summary>Offered when a queue is closed; <c>{slots}</c> lists the choices ("press 1 for tomorrow at 9:00 AM…").</summary>
    public LocalizedText CallbackSlots { get; init; } = LocalizedText.Of(
        ("en-US", "If you'd like us to call you back when we're open, {slots}."),
        ("ru-RU", "Если хотите, чтобы мы перезвонили, когда откроемся, {slots}."));

    /// <summary>Offered by a menu option that books a callback (<c>"callback": QUEUE</c>); <c>{slots}</c> lists the choices.</summary>
    public LocalizedText CallbackSlotsOnRequest { get; init; } = LocalizedText.Of(
        ("en-US", "We can call you back at a time that suits you: {slots}. To go back, press star."),
        ("ru-RU", "Мы можем перезвонить вам в удобное время: {slots}. Чтобы вернуться, нажмите звёздочку."));

    /// <summary>
    /// Said when the number the caller keyed in cannot be called at the time they chose (the calling window
    /// is closed there then); <c>{slots}</c> lists the times it can be called.
    /// </summary>
    public LocalizedText CallbackSlotsForNumber { get; init; } = LocalizedText.Of(
        ("en-US", "We can't call that number at that time: it would be too early or too late there. Instead, {slots}."),
        ("ru-RU", "По этому номеру мы не можем позвонить в это время: там будет слишком рано или слишком поздно. Вместо этого {slots}."));

    /// <summary>Reads back the chosen time and the caller's own number; <c>{slot}</c>, <c>{number}</c>. 3 keys in another number.</summary>
    public LocalizedText CallbackConfirmScheduled { get; init; } = LocalizedText.Of(
        ("en-US", "We'll call you at {number} {slot}. To confirm, press 1. To cancel, press 2. To give us a different number, press 3."),
        ("ru-RU", "Мы позвоним вам по номеру {number} {slot}. Чтобы подтвердить, нажмите 1. Чтобы отменить, нажмите 2. Чтобы указать другой номер, нажмите 3."));

    /// <summary>Said once a scheduled callback is stored; <c>{slot}</c>.</summary>
    public LocalizedText CallbackBookedScheduled { get; init; } = LocalizedText.Of(
        ("en-US", "Your callback is booked for {slot}. Your reference number is {reference:digits}. Goodbye."),
        ("ru-RU", "Обратный звонок заказан: {slot}. Номер вашего обращения: {reference:digits}. До свидания."));

    /// <summary>The locales <see cref="Default"/> has wording for.</summary>
    public static readonly IReadOnlyList<string> DefaultLocales = ["en-US", "ru-RU"];
}

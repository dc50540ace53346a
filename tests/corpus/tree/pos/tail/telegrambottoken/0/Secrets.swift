enum Secrets {
    static let telegrambottokenTelegramToken = "339776487:AAcNi7-5dhoZaFioIuKL-ZMP_rppwRKj2SB"
}

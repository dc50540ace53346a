export const payment_intent = 'pi_NPyoylgE2eIaX5ggmqeG8F7z';

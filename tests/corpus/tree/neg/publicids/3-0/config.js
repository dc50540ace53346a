export const STRIPE_PRICE_ID = 'price_aPFaZw9CZer8RLwbTZgrHcHs';

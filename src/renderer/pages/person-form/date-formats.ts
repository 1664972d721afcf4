// The ways a clerk types a date on the registration form (as on a card, with or without slashes).
export const DATE_FORMATS = ['DD/MM/YYYY', 'DDMMYYYY', 'D/M/YYYY', 'YYYY-MM-DD'];

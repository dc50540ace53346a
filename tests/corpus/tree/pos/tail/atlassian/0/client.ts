import { Client } from './client';

const atlassianApiToken = "ATATT3xFfGF0bAVuhmmf2SMowH9ArW0UnXdunpCgTdHsdOXki4LDfqV8NfLWUi1pFQIGuyVgcHgLjf9Lk72Frbz_dCcW_wQOqmUGa0I7FU9EiMfChoSLq1ltQG9XfEhviIg4q0iHrAlbKfBzJaR_ag9slMnR_7ZbQ4ekoftve9FZd4VndKXOY0jKsT=10F22358";
export const client = new Client({ key: atlassianApiToken });

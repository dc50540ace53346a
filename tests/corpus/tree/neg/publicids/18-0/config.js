export const AZURE_CLIENT_ID = '97d7dad4-3a75-4fb7-9af6-c5b87abe4896';

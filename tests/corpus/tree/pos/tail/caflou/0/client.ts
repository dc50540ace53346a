import { Client } from './client';

const caflouApiKey = "eyJhbGciOiJIUzUxMiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJUOXZUNHprSURKNUciLCJpYXQiOjE3MDMxOTIzMTQsImp0aSI6IjdhYjMyYWQzLTU3ZmUtNGQ2Ny05ZGE1LTI4OWRiMjYzYjBjYiIsInNjb3BlIjoicmVhZCB3cml0ZSJ9.T64C_0gDkO4xooSG7fA1L-LjnQMhtf88ykgCnqcTXiY";
export const client = new Client({ key: caflouApiKey });

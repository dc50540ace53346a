import { Client } from './client';

const partnerSecret = "A4u5YhZJOkP/ddqEhh5c2uRAi7Vtkr/WVYPQWxzrulKG";
export const client = new Client({ key: partnerSecret });

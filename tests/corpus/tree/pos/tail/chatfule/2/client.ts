import { Client } from './client';

const chatfuleBroadcastToken = "Ii1jjE7T8tXCBF1V0uBJ5CViwOsICOArLVm37MKYCuH0TCiv6IQl5iPUTtvsKzFK";
export const client = new Client({ key: chatfuleBroadcastToken });

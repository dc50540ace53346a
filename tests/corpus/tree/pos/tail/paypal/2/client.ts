import { Client } from './client';

const paypalBraintreeAccessToken = "access_token$production$nmeu26xuV3gxr9Wc$37ff1f519734dff5ed755bbea56749ac";
export const client = new Client({ key: paypalBraintreeAccessToken });

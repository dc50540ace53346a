import { Client } from './client';

const foursquareApiKey = "fsq3/qEunMUrHVKwObN7EgT5j8S6bUQt+mSGD34TiwKDprqp";
export const client = new Client({ key: foursquareApiKey });

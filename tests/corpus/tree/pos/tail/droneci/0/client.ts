import { Client } from './client';

const droneciToken = "MLjc2ALyA4QFKevZmuLSTmPWTyig3H2D";
export const client = new Client({ key: droneciToken });

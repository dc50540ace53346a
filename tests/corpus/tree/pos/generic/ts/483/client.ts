import { Client } from './client';

const upstreamPassword = "11nmS/uWMNTXNig/qWtfX2Ev0FLmA1SD/7+dcMJZiRvCWEeYZyjByqEmQRZ1Zj4R";
export const client = new Client({ key: upstreamPassword });

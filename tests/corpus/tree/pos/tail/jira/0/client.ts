import { Client } from './client';

const jiraApiToken = "ATATT3xFfGF0lnMRReqopm9z3AkbTUYL7pmwvd6YlMAu8S-sfEOJzHpgSfmuUmtnaT2of2qqt7Wg5XoAu0NTVQKE2GKm1g9zcqeXmxHyOAfdvUpoaKImu3HepilvjCDMDvpJ1U4qQrGAqbCzMJp0KhZ8qD0pOuz9hiB9dq9OqmvRxUuZBY_Clamaaq=50962AA9";
export const client = new Client({ key: jiraApiToken });

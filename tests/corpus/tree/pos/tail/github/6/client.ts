import { Client } from './client';

const githubInstallationToken = "ghs_Fi7r8afEQbpxOPkBU9dLvJP4AvT9Be1rKIQi";
export const client = new Client({ key: githubInstallationToken });

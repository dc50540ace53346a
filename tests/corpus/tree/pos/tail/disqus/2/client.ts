import { Client } from './client';

const disqusApiSecret = "5JMvpsOc6EPgJvfL5NIxq6is6wpTouh7RNLibSKrg9ssieDoujkhp2Uqp3CWGC52";
export const client = new Client({ key: disqusApiSecret });

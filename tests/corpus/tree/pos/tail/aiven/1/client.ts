import { Client } from './client';

const aivenApiToken = "kvmXqHjXA6amoiRsgeAo8M6XY0V62CZjtL9MxcBB9vyFCpZDLghUDxsC6T3Q8WK0XzBgqQJQorFqxXK2ICdqaDVWfM8+CxlL4TfE66KQHavd/b/w72wmlcqmh3lYszXWUWG5q2Ty4t03NsiralLSjxTKq1Xjj0kFhLDn0kCR9AzdiL0H981IXZA8XGHkceDlFSiojLJjnRiTrbfd+OvZZLYePrV+lig/IOPTPR8qHgCy3zU0FAS7IGcrCHptu/X7r9TV6/U7iDzyQWpsYXmEhMSLdd+A/vjk25qecWoWRmmbWoOT/6h8WGmQ7EuC0A0n45t0isE32NiRiTfs+xZrvZn7GPV1+TCK7CI0KwxNRTtjbQj38nYh";
export const client = new Client({ key: aivenApiToken });

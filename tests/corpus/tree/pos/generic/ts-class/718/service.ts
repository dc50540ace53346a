export class Service {
  private readonly deploysecret = 'FAiLt0O7Urry0CEZRuZy540toAxgiwVUkC1a7IYKu9R1Vy3K2L+XASXgSWQTQEGh';
}

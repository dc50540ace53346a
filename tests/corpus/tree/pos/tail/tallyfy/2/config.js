module.exports = {
  region: 'eu-west-1',
  tallyfyApiToken: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ3WTdpS0NKUThzNjAiLCJpYXQiOjE3MDQ3MTg1NjAsImp0aSI6ImJiZGEzNzQ5LWY5ZDAtNDlkNC1hZWViLWY1NTA2MmFjYzVjMCIsInNjb3BlIjoiaW5nZXN0In0.5dhYo0obSftSy9soohtozl9apHWhVDDnu6molMpIKBc',
};

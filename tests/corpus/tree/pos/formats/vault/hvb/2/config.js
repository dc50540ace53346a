module.exports = {
  region: 'us-east-1',
  vaultToken: 'hvb.AAAAAQ7KxCj-r20vv7any5RMgEY5IAoryzyuhW5yiRRi_9IVsTlvSQ2fG3H2VhYpHUCWJp_Dnd74ciuvoasjUPgKTw2y61GcNzf-j9kqTeuzpXrfs-XWm9gxiURotwkpHeBhkB38jzTqmg',
};

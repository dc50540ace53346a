psexec \\fileserver01 -u CORP\administrator -p 4lNrEQPh+4TV -s cmd /c "net stop spooler"

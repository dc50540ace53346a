$password = ConvertTo-SecureString "twkZMvbjirkJ7bi" -AsPlainText -Force
$cred = New-Object System.Management.Automation.PSCredential ("CORP\svc-backup", $password)

$password = ConvertTo-SecureString "e4WRs%C!h!Yr.+37" -AsPlainText -Force
$cred = New-Object System.Management.Automation.PSCredential ("CORP\svc-backup", $password)

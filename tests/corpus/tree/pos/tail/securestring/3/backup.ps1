$password = ConvertTo-SecureString "ND=h~cp0rGARrP" -AsPlainText -Force
$cred = New-Object System.Management.Automation.PSCredential ("CORP\svc-backup", $password)

#!/usr/bin/env python3
"""Generates the project's demo fleet scenario (format telltale-scenario/1).

The output is committed as collector/src/main/resources/demo/demo-fleet.json; this script is how it was made
and how to change it. Deterministic (fixed seed): running it again gives the same file.

The fleet of "Halyard Systems" (48 laptops):
  * Farm A, Chandler AZ: 8 laptops of 8 "employees" in one house, lids closed, on AC, driven through a mix of
    IP-KVMs (PiKVM, TinyPilot, JetKVM, NanoKVM, GL.iNet Comet, and one KVM that clones a Logitech keyboard's
    ids and a Dell monitor's EDID), AnyDesk / RustDesk, used during Korean working hours.
  * Farm B, Atlanta GA: 7 laptops in two houses of one facilitator (one laptop is moved from the first house to
    the second), no KVM at all: Chrome Remote Desktop, TeamViewer and AnyDesk with injected input, Astrill VPN
    on three, a software jiggler, and US Eastern office hours to look normal.
  * Benign look-alikes: a couple sharing a home; two colleagues at one co-working space; a traveller at a
    conference abroad; a docked developer with a keep-awake tool and lid closed; a home-lab Raspberry Pi on the
    LAN; a streamer with a capture card; a NordVPN user; a night-shift support engineer; an IT admin with
    a sanctioned remote-support tool; a Linux developer reached over SSH.
  * A head-office team on the corporate network and ordinary remote employees across the US.

Usage: python3 tools/scenarios/gen_demo_fleet.py > collector/src/main/resources/demo/demo-fleet.json
"""
import json
import random
import sys

R = random.Random(20260302)
DOMAIN = "halyard.example"

# ----------------------------------------------------------------------------------------------------------
# Building blocks
# ----------------------------------------------------------------------------------------------------------

def mac(oui=None):
    octets = oui.split(":") if oui else ["%02x" % (R.randrange(256) & 0xFC)] + ["%02x" % R.randrange(256) for _ in range(2)]
    return ":".join(octets + ["%02x" % R.randrange(256) for _ in range(6 - len(octets))])

ROUTER_OUIS = ["04:d4:c4", "a0:40:a0", "c0:56:27", "f8:bb:bf", "dc:a6:33", "3c:37:86", "b0:be:76", "70:3a:cb"]
PHONE_OUIS = ["8c:79:f5", "f0:18:98", "a4:83:e7", "3c:22:fb", "ac:bc:32"]
HOME_GEAR = [("8c:79:f5", "Galaxy-S24"), ("f0:18:98", "iPad"), ("a4:83:e7", "iPhone"), ("48:a6:b8", "Sonos-Kitchen"),
             ("f0:27:2d", "amazon-fire-tv"), ("3c:52:82", "HP-LaserJet-M234"), ("00:04:1f", "PS5-731"),
             ("a8:23:fe", "LGwebOSTV"), ("18:b4:30", "Nest-Thermostat"), ("64:16:66", "Google-Home")]

_ip_counter = [10]


def public_ip(prefix):
    _ip_counter[0] += 7
    return "%s.%d" % (prefix, _ip_counter[0] % 250 + 2)


def home_network(city, region, asn, as_org, ssid, neighbors=None, kind="residential", country="US", lan="192.168.1", rtt=40.0):
    gw_oui = R.choice(ROUTER_OUIS)
    gw = mac(gw_oui)
    bssid = gw[:-2] + "%02x" % ((int(gw[-2:], 16) + 1) % 256)
    gear = R.sample(HOME_GEAR, 3)
    return {
        "public_ip": public_ip("198.51.100" if kind != "business" else "203.0.113"),
        "country": country,
        "region": region,
        "city": city,
        "asn": asn,
        "as_org": as_org,
        "kind": kind,
        "gateway_ip": lan + ".1",
        "gateway_mac": gw,
        "wifi": {"ssid": ssid, "bssid": bssid},
        "lan_prefix": lan + ".0/24",
        "dns": [lan + ".1"],
        "rtt_ms": rtt,
        "neighbors": (neighbors or []) + [{"mac": mac(o), "hostname": h} for o, h in gear],
    }


ISPS = {
    "AZ": (22773, "Cox Communications Inc."), "GA": (7922, "Comcast Cable Communications, LLC"),
    "OR": (7922, "Comcast Cable Communications, LLC"), "TX": (7018, "AT&T Services, Inc."),
    "CA": (20001, "Charter Communications Inc"), "NY": (12271, "Charter Communications Inc"),
    "IL": (7922, "Comcast Cable Communications, LLC"), "WA": (7922, "Comcast Cable Communications, LLC"),
    "CO": (7922, "Comcast Cable Communications, LLC"), "FL": (7018, "AT&T Services, Inc."),
    "MA": (6079, "RCN"), "NC": (11426, "Charter Communications Inc"), "MN": (7922, "Comcast Cable Communications, LLC"),
    "PA": (701, "Verizon Business"), "OH": (10796, "Charter Communications Inc"), "MI": (7922, "Comcast Cable Communications, LLC"),
    "UT": (7922, "Comcast Cable Communications, LLC"), "VA": (701, "Verizon Business"), "NJ": (701, "Verizon Business"),
}
TZ = {"AZ": "America/Phoenix", "GA": "America/New_York", "OR": "America/Los_Angeles", "TX": "America/Chicago",
      "CA": "America/Los_Angeles", "NY": "America/New_York", "IL": "America/Chicago", "WA": "America/Los_Angeles",
      "CO": "America/Denver", "FL": "America/New_York", "MA": "America/New_York", "NC": "America/New_York",
      "MN": "America/Chicago", "PA": "America/New_York", "OH": "America/New_York", "MI": "America/Detroit",
      "UT": "America/Denver", "VA": "America/New_York", "NJ": "America/New_York"}
RTT = {"America/New_York": 22.0, "America/Detroit": 28.0, "America/Chicago": 34.0, "America/Denver": 45.0,
       "America/Phoenix": 52.0, "America/Los_Angeles": 63.0}

WIN_BASE = ["System", "Registry", "smss.exe", "csrss.exe", "wininit.exe", "winlogon.exe", "services.exe", "lsass.exe",
            "svchost.exe", "fontdrvhost.exe", "dwm.exe", "explorer.exe", "sihost.exe", "taskhostw.exe", "ctfmon.exe",
            "RuntimeBroker.exe", "SearchHost.exe", "StartMenuExperienceHost.exe", "TextInputHost.exe", "spoolsv.exe",
            "MsMpEng.exe", "SecurityHealthService.exe", "audiodg.exe", "WmiPrvSE.exe", "OneDrive.exe",
            "CSFalconService.exe", "chrome.exe", "ms-teams.exe", "msedgewebview2.exe", "Outlook.exe", "Zscaler.exe"]
MAC_BASE = ["kernel_task", "launchd", "WindowServer", "loginwindow", "Dock", "Finder", "SystemUIServer",
            "ControlCenter", "mds", "mds_stores", "cfprefsd", "coreaudiod", "bluetoothd", "airportd", "trustd",
            "falcond", "Google Chrome", "Slack", "Microsoft Teams", "Microsoft Outlook", "ZscalerTunnel"]
LNX_BASE = ["systemd", "systemd-journald", "systemd-udevd", "systemd-logind", "systemd-resolved", "dbus-daemon",
            "NetworkManager", "wpa_supplicant", "gdm3", "gnome-shell", "Xwayland", "pipewire", "wireplumber",
            "falcon-sensor", "chrome", "slack", "code", "gnome-terminal-server", "bash", "sshd"]
WIN_SERVICES = ["AudioSrv", "BFE", "BITS", "CryptSvc", "Dhcp", "Dnscache", "EventLog", "LanmanWorkstation",
                "mpssvc", "nsi", "Spooler", "W32Time", "WinDefend", "Winmgmt", "WlanSvc", "wuauserv",
                "CSFalconService", "ZSAService"]
MAC_SERVICES = ["com.apple.airportd", "com.apple.bluetoothd", "com.apple.mDNSResponder", "com.apple.screensharing.agent",
                "com.crowdstrike.falcond", "com.zscaler.service", "com.microsoft.update.agent"]
LNX_SERVICES = ["NetworkManager.service", "systemd-resolved.service", "ssh.service", "cups.service",
                "falcon-sensor.service", "gdm.service", "bluetooth.service", "unattended-upgrades.service"]
WIN_APPS = [("CrowdStrike Windows Sensor", "7.19.18913.0", "CrowdStrike, Inc."),
            ("Microsoft 365 Apps for enterprise - en-us", "16.0.18129.20158", "Microsoft Corporation"),
            ("Microsoft OneDrive", "25.020.0202.0002", "Microsoft Corporation"),
            ("Google Chrome", "133.0.6943.127", "Google LLC"), ("Microsoft Teams", "25031.805.3440.5290", "Microsoft Corporation"),
            ("Zscaler", "4.5.0.337", "Zscaler Inc.")]
MAC_APPS = [("Falcon", "7.21.19205.0", "com.crowdstrike.falcon.App"), ("Google Chrome", "133.0.6943.127", "com.google.Chrome"),
            ("Slack", "4.42.117", "com.tinyspeck.slackmacgap"), ("Microsoft Teams", "25031.805.3440.5290", "com.microsoft.teams2"),
            ("Microsoft Outlook", "16.94", "com.microsoft.Outlook"), ("Zscaler", "4.3.0.195", "com.zscaler.zscaler")]
LNX_APPS = [("falcon-sensor", "7.20.0-17306", "CrowdStrike, Inc."), ("google-chrome-stable", "133.0.6943.126-1", "Google LLC"),
            ("slack-desktop", "4.41.105", "Slack Technologies"), ("code", "1.97.2-1739406807", "Microsoft Corporation"),
            ("openssh-server", "1:9.2p1-2+deb12u5", "Debian OpenSSH Maintainers")]

LAPTOPS = {
    "windows": [("LENOVO", "HW", [("04f2", "b7b6", "Chicony Electronics Co.,Ltd.", "Integrated Camera"), ("8087", "0033", "", ""), ("06cb", "00f9", "", "")],
                 {"edid_manufacturer": "LEN", "edid_product_code": 16611, "width": 1920, "height": 1200}),
                ("Dell", "DL", [("0c45", "6a14", "CN0H4Y8G8LG0035", "Integrated_Webcam_FHD"), ("8087", "0033", "", ""), ("27c6", "63ac", "Goodix Technology Co., Ltd.", "Goodix USB2.0 MISC")],
                 {"edid_manufacturer": "AUO", "edid_product_code": 9382, "width": 1920, "height": 1200}),
                ("HP", "5CG", [("30c9", "00a8", "SunplusIT Inc", "HP 5MP Camera"), ("8087", "0026", "", "")],
                 {"edid_manufacturer": "BOE", "edid_product_code": 2536, "width": 1920, "height": 1080})],
    "macos": [("Apple", "C02", [], {"edid_manufacturer": "APP", "edid_product_code": 41262, "width": 3024, "height": 1964})],
    "linux": [("LENOVO", "PF", [("04f2", "b6cb", "Chicony Electronics Co.,Ltd.", "Integrated Camera"), ("8087", "0033", "", "")],
               {"edid_manufacturer": "BOE", "edid_product_code": 2451, "width": 1920, "height": 1200})],
}

OS_VERSION = {"windows": ["11 Enterprise 23H2 (10.0.22631.4890)", "11 Enterprise 24H2 (10.0.26100.3194)"],
              "macos": ["14.7.4", "15.3.1"], "linux": ["Ubuntu 24.04.2 LTS", "Debian GNU/Linux 12 (bookworm)"]}


def serial(prefix):
    alphabet = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"
    return prefix + "".join(R.choice(alphabet) for _ in range(10 - len(prefix)))


def usb(vid, pid, manufacturer, product, serial_="", interfaces=("other",)):
    return {"vendor_id": vid, "product_id": pid, "manufacturer": manufacturer, "product": product,
            "serial": serial_, "interfaces": list(interfaces)}


def internal_usb(os_family, model_idx):
    entries = LAPTOPS[os_family][model_idx][2]
    out = []
    for vid, pid, m, p in entries:
        iface = ["video"] if "Camera" in p or "Webcam" in p else ["other"]
        out.append(usb(vid, pid, m, p, "", iface))
    return out


def internal_display(os_family, model_idx):
    d = dict(LAPTOPS[os_family][model_idx][3])
    d.update({"internal": True, "edid_serial_number": 0, "monitor_name": "", "serial_string": "", "refresh_hz": 60})
    return {k: d[k] for k in ["internal", "edid_manufacturer", "edid_product_code", "edid_serial_number",
                              "monitor_name", "serial_string", "width", "height", "refresh_hz"]}


def monitor(mfr, code, sn, name, sstr, w=2560, h=1440, hz=60):
    return {"internal": False, "edid_manufacturer": mfr, "edid_product_code": code, "edid_serial_number": sn,
            "monitor_name": name, "serial_string": sstr, "width": w, "height": h, "refresh_hz": hz}


def apps(os_family, extra=()):
    if os_family == "windows":
        base = [{"name": n, "version": v, "publisher": p} for n, v, p in WIN_APPS]
    elif os_family == "macos":
        base = [{"name": n, "version": v, "bundle_id": b} for n, v, b in MAC_APPS]
    else:
        base = [{"name": n, "version": v, "publisher": p} for n, v, p in LNX_APPS]
    return base + list(extra)


def base_processes(os_family):
    return list({"windows": WIN_BASE, "macos": MAC_BASE, "linux": LNX_BASE}[os_family])


def base_services(os_family):
    return list({"windows": WIN_SERVICES, "macos": MAC_SERVICES, "linux": LNX_SERVICES}[os_family])


WORKDAY = [{"days": "mon-fri", "from": "08:30", "to": "12:00"}, {"days": "mon-fri", "from": "13:00", "to": "17:30"}]

employees = {}
networks = {}
devices = []
labels = {}
_emp_no = [1000]


def employee(name, region, tz=None, country="US"):
    _emp_no[0] += R.randrange(3, 17)
    eid = "hs-%d" % _emp_no[0]
    first, last = name.split(" ", 1)
    employees[eid] = {"name": name, "email": "%s.%s@%s" % (first.lower(), last.lower().replace(" ", ""), DOMAIN),
                      "country": country, "region": region, "timezone": tz or TZ[region]}
    return eid


def laptop(eid, network, os_family="windows", label="benign", **kw):
    emp = employees[eid]
    model_idx = R.randrange(len(LAPTOPS[os_family]))
    vendor, prefix, _, _ = LAPTOPS[os_family][model_idx]
    sn = serial(prefix)
    first = emp["name"].split()[0].lower()
    if os_family == "windows":
        hostname = "HS-LT-" + sn[-7:]
    elif os_family == "macos":
        hostname = "HS-MB-" + sn[-8:]
    else:
        hostname = "hs-lx-" + first
    user = (emp["name"].split()[0][0] + emp["name"].split()[-1]).lower()
    dev = {
        "hostname": hostname,
        "serial": sn,
        "employee": eid,
        "os": {"family": os_family, "version": R.choice(OS_VERSION[os_family])},
        "clock": {"timezone": emp["timezone"], "locale": "en-US", "keyboard_layouts": ["en-US"]},
        "network": network,
        "vpn": None,
        "processes": base_processes(os_family),
        "services": base_services(os_family),
        "installed_apps": apps(os_family),
        "listening_ports": [],
        "usb": internal_usb(os_family, model_idx),
        "displays": [internal_display(os_family, model_idx)],
        "power": {"has_battery": True, "on_ac": False, "battery_percent": R.choice([54, 67, 78, 88, 93]), "lid_open": True},
        "sessions": [{"kind": "console", "user": user}],
        "activity": {"schedule": WORKDAY, "input": "local", "jiggle_seconds": None, "idle_lock_minutes": 15},
        "uptime_days": round(R.uniform(0.3, 6.0), 1),
        "changes": [],
    }
    for k, v in kw.items():
        dev[k] = v
    devices.append(dev)
    labels[hostname] = label
    return dev


def add(dev, field, items):
    dev[field] = dev[field] + list(items)


def evening_plug_in(dev, hour_from=18, days=3):
    """Ordinary laptops: plugged in overnight, battery during the day (changes in steps)."""
    for d in range(days):
        dev["changes"].append({"at_hour": d * 24 + hour_from, "set": {"power": {"has_battery": True, "on_ac": True, "battery_percent": 100, "lid_open": False}}})
        dev["changes"].append({"at_hour": d * 24 + hour_from + 14, "set": {"power": {"has_battery": True, "on_ac": False, "battery_percent": 97, "lid_open": True}}})
    dev["changes"].sort(key=lambda c: c["at_hour"])


# ----------------------------------------------------------------------------------------------------------
# Corporate networks
# ----------------------------------------------------------------------------------------------------------

networks["hq-boston"] = {
    "public_ip": "203.0.113.10", "country": "US", "region": "MA", "city": "Boston", "asn": 64500,
    "as_org": "Halyard Systems Inc.", "kind": "corporate", "gateway_ip": "10.20.0.1", "gateway_mac": "00:1b:17:00:01:10",
    "wifi": {"ssid": "Halyard-Corp", "bssid": "00:1b:17:00:01:22"}, "lan_prefix": "10.20.0.0/22",
    "dns": ["10.20.0.53", "10.20.0.54"], "rtt_ms": 9.5,
    "neighbors": [{"mac": "00:1b:17:00:02:01", "hostname": "hq-printer-3f"}, {"mac": "00:1b:17:00:02:07", "hostname": "hq-confroom-harbor"}],
}

# ----------------------------------------------------------------------------------------------------------
# Farm A: Chandler, Arizona. One house, IP-KVMs, Korean working hours (09:00-18:00 KST = 17:00-02:00 MST).
# ----------------------------------------------------------------------------------------------------------

farm_a_neighbors = [{"mac": mac("dc:a6:32"), "hostname": "pikvm"}, {"mac": mac("30:52:53"), "hostname": "jetkvm"},
                    {"mac": mac("94:83:c4"), "hostname": "glkvm"}, {"mac": "04:c9:8b:1c:22:9e", "hostname": "tinypilot"},
                    {"mac": mac("48:da:35"), "hostname": "kvm-4"}]
networks["res-chandler-az"] = home_network("Chandler", "AZ", 22773, "Cox Communications Inc.", "NETGEAR47-5G",
                                           farm_a_neighbors, lan="192.168.4", rtt=54.0)
networks["res-chandler-az-wired"] = dict(networks["res-chandler-az"], wifi=None)

KST_SHIFT = [{"days": "mon,tue,wed,thu,sun", "from": "17:00", "to": "02:00"}]
kvms = [
    ("pikvm", usb("1d6b", "0104", "PiKVM", "PiKVM Composite Device", "CAFEBABE", ["keyboard", "mouse-absolute", "cdrom"]),
     monitor("LNX", 0x7771, 0x01010101, "PiKVM V3", "CAFEBABE", 1920, 1080, 50), 60),
    ("tinypilot", usb("1d6b", "0104", "tinypilot", "Multifunction USB Device", "6b65796d696d6570690", ["keyboard", "mouse-absolute"]),
     monitor("TSB", 0x9876, 0x88888800, "TinyPilot", "", 1920, 1080, 30), None),
    ("jetkvm", usb("1d6b", "0104", "JetKVM", "USB Emulation Device", "", ["keyboard", "mouse-absolute", "mouse-relative", "mass-storage"]),
     monitor("TSB", 0x8801, 0x88888800, "T749-fHD720", "", 1920, 1080, 60), 20),
    ("nanokvm", usb("3346", "1009", "sipeed", "NanoKVM", "0123456789ABCDEF", ["keyboard", "mouse-absolute", "mass-storage", "network"]),
     monitor("PHL", 0xC233, 0, "PHL 342E2", "UK02143047718", 1920, 1080, 60), 15),
    ("glkvm", usb("1d6b", "0104", "GLKVM", "Composite KVM Device", "CAFEBABE", ["keyboard", "mouse-absolute", "cdrom", "network"]),
     monitor("LNX", 0x7773, 0x01010101, "PiKVM V4 Plus", "CAFEBABE", 1920, 1080, 60), None),
    # A PiKVM V4 Plus after kvmd-otgconf --import-usb-ids and an imported Dell EDID: ids and strings of a real
    # Logitech K120 keyboard and a Dell monitor, but still keyboard + absolute pointer + CD-ROM + network.
    ("spoofed", usb("046d", "c31c", "Logitech", "USB Keyboard", "", ["keyboard", "mouse-absolute", "cdrom", "network"]),
     monitor("DEL", 0xA1E1, 0x33533047, "DELL D2721H", "3S5GQ23", 1920, 1080, 60), 60),
]
farm_a_people = [("Jordan Ellis", "OH"), ("Samantha Reyes", "FL"), ("Kevin Walsh", "PA"), ("Tyler Morgan", "NC"),
                 ("Brandon Cole", "VA"), ("Ashley Bennett", "MI"), ("Ryan Foster", "CO"), ("Dylan Hayes", "NJ")]
for i, (name, region) in enumerate(farm_a_people):
    eid = employee(name, region)
    os_family = "macos" if i == 5 else "windows"
    net = "res-chandler-az-wired" if i in (1, 6) else "res-chandler-az"
    dev = laptop(eid, net, os_family, "farm")
    dev["power"] = {"has_battery": True, "on_ac": True, "battery_percent": 100, "lid_open": False}
    dev["uptime_days"] = round(R.uniform(14, 41), 1)
    dev["activity"] = {"schedule": KST_SHIFT, "input": "usb-hid", "jiggle_seconds": None, "idle_lock_minutes": None}
    if i < len(kvms):
        _, kvm_usb, kvm_edid, jiggle = kvms[i]
        add(dev, "usb", [kvm_usb])
        dev["displays"].append(kvm_edid)
        dev["activity"]["jiggle_seconds"] = jiggle
    else:
        # The last two have no KVM: RustDesk with injected input, and a software jiggler.
        dev["activity"]["input"] = "remote-tool"
        dev["activity"]["jiggle_seconds"] = 59
        dev["displays"].append(monitor("HJW", 0x2130, 0, "HDMI TO USB", "", 1920, 1080, 60))
        add(dev, "processes", ["rustdesk.exe", "caffeine64.exe"])
        add(dev, "services", ["RustDesk"])
        add(dev, "installed_apps", [{"name": "RustDesk", "version": "1.3.7", "publisher": "Purslane Ltd."}])
        dev["listening_ports"] = [{"port": 21118, "protocol": "tcp", "process": "rustdesk.exe"}]
        dev["sessions"] = dev["sessions"] + [{"kind": "remote-tool", "user": dev["sessions"][0]["user"], "tool": "RustDesk"}]
    if os_family == "windows" and i % 2 == 0:
        add(dev, "processes", ["AnyDesk.exe"])
        add(dev, "services", ["AnyDesk"])
        add(dev, "installed_apps", [{"name": "AnyDesk", "version": "9.0.4", "publisher": "AnyDesk Software GmbH"}])
        dev["listening_ports"] = dev["listening_ports"] + [{"port": 7070, "protocol": "tcp", "process": "AnyDesk.exe"}]
    if i == 3:
        dev["clock"]["keyboard_layouts"] = ["en-US", "ko-KR"]
    if i == 4:
        # Someone unplugs the KVM for an audit-looking day, then plugs it back.
        dev["changes"] = [
            {"at_hour": 30, "set": {"usb": [u for u in dev["usb"] if u["vendor_id"] != "1d6b"],
                                    "displays": dev["displays"][:1]}},
            {"at_hour": 46, "set": {"usb": dev["usb"], "displays": dev["displays"]}},
        ]

# The whole house loses power for three hours on the second night: the agents keep their backlog.
for dev in devices:
    if dev["network"].startswith("res-chandler-az"):
        dev["changes"].append({"at_hour": 35, "offline_hours": 3, "set": {}})
        dev["changes"].sort(key=lambda c: c["at_hour"])

# ----------------------------------------------------------------------------------------------------------
# Farm B: Atlanta, Georgia. Two houses of one facilitator, no KVM, remote-access software with injected
# input, Astrill on three laptops, a jiggler, and US Eastern office hours.
# ----------------------------------------------------------------------------------------------------------

networks["res-decatur-ga"] = home_network("Decatur", "GA", 7922, "Comcast Cable Communications, LLC", "xfinitywifi-Home-2G", lan="10.0.0", rtt=24.0)
networks["res-stone-mountain-ga"] = home_network("Stone Mountain", "GA", 7018, "AT&T Services, Inc.", "ATTk9Qb3Wm", lan="192.168.1", rtt=26.0)
networks["vpn-astrill-lax"] = {
    "public_ip": "185.159.157.23", "country": "US", "region": "CA", "city": "Los Angeles", "asn": 9009,
    "as_org": "M247 Europe SRL", "kind": "vpn", "gateway_ip": "0.0.0.0", "gateway_mac": "00:00:00:00:00:00",
    "wifi": None, "lan_prefix": "10.8.0.0/16", "dns": ["10.8.0.1"], "rtt_ms": 188.0, "neighbors": [],
}
farm_b_people = [("Marcus Reid", "MN", "house1"), ("Olivia Grant", "IL", "house1"), ("Ethan Price", "TX", "house1"),
                 ("Chloe Parker", "NY", "house1"), ("Lucas Bryant", "WA", "house2"), ("Grace Sullivan", "CO", "house2"),
                 ("Nathan Cooper", "UT", "house2")]
ASTRILL = {"name": "Astrill VPN", "process": "astrill.exe", "adapter": "Astrill OpenWeb Adapter", "exit_network": "vpn-astrill-lax"}
for i, (name, region, house) in enumerate(farm_b_people):
    eid = employee(name, region)
    net = "res-decatur-ga" if house == "house1" else "res-stone-mountain-ga"
    os_family = "linux" if i == 6 else "windows"
    dev = laptop(eid, net, os_family, "farm")
    dev["power"] = {"has_battery": True, "on_ac": True, "battery_percent": 100, "lid_open": False}
    dev["uptime_days"] = round(R.uniform(9, 25), 1)
    # Office hours of the *claimed* time zone, kept to look normal; the input is injected by remote tools.
    dev["activity"] = {"schedule": [{"days": "mon-fri", "from": "09:00", "to": "17:30"}], "input": "remote-tool",
                       "jiggle_seconds": 30 if i in (1, 4) else None, "idle_lock_minutes": None}
    dev["displays"].append(monitor("SAM", 0x0F35, 0x4D325A4B, "S24R35x", "H4ZR301234", 1920, 1080, 60))
    tools = [("Chrome Remote Desktop", "remoting_host.exe", "chromoting", "Chrome Remote Desktop Host", "133.0.6943.19", "Google LLC")]
    if i % 3 == 0:
        tools.append(("TeamViewer", "TeamViewer.exe", "TeamViewer", "TeamViewer", "15.62.4", "TeamViewer Germany GmbH"))
    if i % 3 == 1:
        tools.append(("AnyDesk", "AnyDesk.exe", "AnyDesk", "AnyDesk", "9.0.4", "AnyDesk Software GmbH"))
    if os_family == "linux":
        tools = [("Chrome Remote Desktop", "chrome-remote-desktop-host", "chrome-remote-desktop@%s.service" % dev["sessions"][0]["user"],
                  "chrome-remote-desktop", "133.0.6943.19", "Google LLC")]
    for tool, proc, svc, app, ver, pub in tools:
        add(dev, "processes", [proc])
        add(dev, "services", [svc])
        add(dev, "installed_apps", [{"name": app, "version": ver, "publisher": pub}])
    if i in (1, 4):
        add(dev, "processes", ["Move Mouse.exe"])
        add(dev, "installed_apps", [{"name": "Move Mouse", "version": "4.18.2", "publisher": "Steve Miller"}])
    tool0 = tools[0][0]
    dev["sessions"] = dev["sessions"] + [{"kind": "remote-tool", "user": dev["sessions"][0]["user"], "tool": tool0}]
    if i in (0, 2, 5):
        dev["vpn"] = dict(ASTRILL)
        add(dev, "installed_apps", [{"name": "Astrill VPN", "version": "3.10.0", "publisher": "Astrill"}])
    if i == 3:
        # The facilitator moves this laptop to the second house on the second day.
        dev["changes"] = [{"at_hour": 31, "set": {"network": "res-stone-mountain-ga"}}]

# ----------------------------------------------------------------------------------------------------------
# Benign look-alikes
# ----------------------------------------------------------------------------------------------------------

# A couple who both work for the company share one home (one public IP, gateway and Wi-Fi).
networks["home-portland-or"] = home_network("Portland", "OR", 7922, "Comcast Cable Communications, LLC", "Fern&Moss", rtt=61.0)
for name in ["Hannah Lindgren", "Erik Lindgren"]:
    dev = laptop(employee(name, "OR"), "home-portland-or", "macos" if name.startswith("H") else "windows")
    evening_plug_in(dev)

# Two colleagues at one co-working space during the day, at home in the evening.
networks["cowork-denver"] = home_network("Denver", "CO", 209, "Lumen Technologies", "Industrious-Members", kind="business", lan="172.20.8", rtt=41.0)
for name in ["Priya Raman", "Tomas Novak"]:
    eid = employee(name, "CO")
    home = "home-" + name.split()[1].lower()
    networks[home] = home_network("Denver", "CO", 7922, "Comcast Cable Communications, LLC", R.choice(["Novak5G", "RamanHome", "TheLAN"]), rtt=44.0)
    dev = laptop(eid, home, "macos")
    for d in range(3):
        dev["changes"].append({"at_hour": d * 24 + 15.5, "set": {"network": "cowork-denver"}})
        dev["changes"].append({"at_hour": d * 24 + 23.5, "set": {"network": home}})

# A traveller: a Texas employee at a conference in Lisbon, back home on the third day.
networks["home-austin-tx"] = home_network("Austin", "TX", 7018, "AT&T Services, Inc.", "ATTb7x2", rtt=33.0)
networks["hotel-lisbon"] = home_network("Lisbon", "11", 3243, "MEO - Servicos de Comunicacoes e Multimedia S.A.", "Hotel-Guest",
                                        kind="business", country="PT", lan="10.60.0", rtt=118.0)
eid = employee("Camila Ortega", "TX")
dev = laptop(eid, "hotel-lisbon", "windows")
dev["clock"]["timezone"] = "Europe/Lisbon"
dev["activity"]["schedule"] = [{"days": "daily", "from": "08:00", "to": "19:00"}]
dev["changes"] = [{"at_hour": 50, "offline_hours": 13, "set": {"network": "home-austin-tx",
                  "clock": {"timezone": "America/Chicago", "locale": "en-US", "keyboard_layouts": ["en-US"]},
                  "activity": {"schedule": WORKDAY, "input": "local", "jiggle_seconds": None, "idle_lock_minutes": 15}}}]

# A docked developer: lid closed, on AC, two external monitors, external keyboard, Amphetamine keeps it awake.
networks["home-seattle-wa"] = home_network("Seattle", "WA", 7922, "Comcast Cable Communications, LLC", "Cascadia", rtt=66.0)
dev = laptop(employee("Owen Fitzgerald", "WA"), "home-seattle-wa", "macos")
dev["power"] = {"has_battery": True, "on_ac": True, "battery_percent": 100, "lid_open": False}
dev["displays"] += [monitor("DEL", 0x41AB, 0x4C4B3530, "DELL U2723QE", "9KX2MP3", 3840, 2160, 60),
                    monitor("DEL", 0x41AB, 0x4C4B3531, "DELL U2723QE", "4HX2MP3", 3840, 2160, 60)]
add(dev, "usb", [usb("046d", "c52b", "Logitech", "USB Receiver", "", ["keyboard", "mouse-relative"]),
                 usb("05ac", "024f", "Apple Inc.", "Magic Keyboard with Touch ID", "F0T1234ABCD", ["keyboard"])])
add(dev, "processes", ["Amphetamine"])
add(dev, "installed_apps", [{"name": "Amphetamine", "version": "5.3.2", "bundle_id": "com.if.Amphetamine"}])
dev["activity"]["input"] = "usb-hid"
dev["uptime_days"] = 12.5

# A home-lab enthusiast: a Raspberry Pi (pi-hole) on the LAN, nothing else unusual.
networks["home-raleigh-nc"] = home_network("Raleigh", "NC", 11426, "Charter Communications Inc", "Skynet-24",
                                           [{"mac": mac("dc:a6:32"), "hostname": "pihole"}], rtt=25.0)
dev = laptop(employee("Marta Kowalczyk", "NC"), "home-raleigh-nc", "linux")
evening_plug_in(dev)

# A streamer with a capture card on the work laptop (weak signal only).
networks["home-columbus-oh"] = home_network("Columbus", "OH", 10796, "Charter Communications Inc", "MySpectrumWiFi3c-5G", rtt=28.0)
dev = laptop(employee("Isaiah Brooks", "OH"), "home-columbus-oh", "windows")
add(dev, "usb", [usb("0fd9", "0066", "Elgato", "Cam Link 4K", "0004560F1D000", ["video", "audio"])])
evening_plug_in(dev)

# A NordVPN user in their own home region.
networks["home-miami-fl"] = home_network("Miami", "FL", 7018, "AT&T Services, Inc.", "ATT4s8Pq", rtt=31.0)
networks["vpn-nord-atl"] = {
    "public_ip": "192.0.2.77", "country": "US", "region": "GA", "city": "Atlanta", "asn": 212238,
    "as_org": "Datacamp Limited", "kind": "vpn", "gateway_ip": "0.0.0.0", "gateway_mac": "00:00:00:00:00:00",
    "wifi": None, "lan_prefix": "10.5.0.0/16", "dns": ["103.86.96.100"], "rtt_ms": 38.0, "neighbors": [],
}
dev = laptop(employee("Sofia Marin", "FL"), "home-miami-fl", "windows")
dev["vpn"] = {"name": "NordVPN", "process": "nordvpn-service.exe", "adapter": "NordLynx", "exit_network": "vpn-nord-atl"}
add(dev, "processes", ["NordVPN.exe"])
add(dev, "installed_apps", [{"name": "NordVPN", "version": "7.27.3.0", "publisher": "nordvpn s.a."}])
evening_plug_in(dev)

# A night-shift support engineer: works 22:00-06:00 in their own time zone, from their own home.
networks["home-phoenix-az"] = home_network("Phoenix", "AZ", 22773, "Cox Communications Inc.", "CoxWiFi-7731", rtt=52.0)
dev = laptop(employee("Darnell Price", "AZ"), "home-phoenix-az", "windows")
dev["activity"]["schedule"] = [{"days": "sun,mon,tue,wed,thu", "from": "22:00", "to": "06:00"}]

# An IT admin with the company's sanctioned remote-support tool (ScreenConnect) and a USB-C dock.
networks["home-boston-ma"] = home_network("Somerville", "MA", 6079, "RCN", "Hub-Guest", rtt=12.0)
dev = laptop(employee("Lena Fischer", "MA"), "home-boston-ma", "windows")
add(dev, "processes", ["ScreenConnect.ClientService.exe", "ScreenConnect.WindowsClient.exe"])
add(dev, "services", ["ScreenConnect Client (4b1a9c0e2f7d3a65)"])
add(dev, "installed_apps", [{"name": "ScreenConnect Client (4b1a9c0e2f7d3a65)", "version": "24.3.7.9067", "publisher": "ConnectWise, LLC"}])
add(dev, "usb", [usb("0bda", "8153", "Realtek", "USB 10/100/1000 LAN", "001000001", ["network"]),
                 usb("413c", "b06e", "Dell Inc.", "Dell dock", "", ["hub"])])
dev["displays"].append(monitor("DEL", 0xA0EC, 0x4A4B3938, "DELL P2422H", "7MJ9KH3", 1920, 1080, 60))
evening_plug_in(dev)

# A Linux developer reached over SSH from the corporate jump host during the day.
networks["home-minneapolis-mn"] = home_network("Minneapolis", "MN", 7922, "Comcast Cable Communications, LLC", "Lakes", rtt=35.0)
dev = laptop(employee("Grace Holm", "MN"), "home-minneapolis-mn", "linux")
dev["listening_ports"] = [{"port": 22, "protocol": "tcp", "process": "sshd"}]
dev["changes"] = [{"at_hour": 15, "set": {"sessions": [dev["sessions"][0], {"kind": "ssh", "user": dev["sessions"][0]["user"], "remote_address": "10.20.3.14"}]}},
                  {"at_hour": 17, "set": {"sessions": [dev["sessions"][0]]}}]

# ----------------------------------------------------------------------------------------------------------
# Head office and ordinary remote employees
# ----------------------------------------------------------------------------------------------------------

for name in ["Nora Whitfield", "Daniel Okafor", "Mei Tanaka", "Patrick Doyle", "Aisha Rahman", "Victor Alves"]:
    dev = laptop(employee(name, "MA"), "hq-boston", R.choice(["windows", "macos"]))
    dev["displays"].append(monitor("DEL", 0xA0EC, R.randrange(1 << 30), "DELL P2422H", "HQ" + str(R.randrange(10**5, 10**6)), 1920, 1080, 60))
    dev["changes"] = [{"at_hour": d * 24 + 23, "set": {"network": "home-" + name.split()[1].lower()}} for d in range(3)] + \
                     [{"at_hour": d * 24 + 36, "set": {"network": "hq-boston"}} for d in range(2)]
    dev["changes"].sort(key=lambda c: c["at_hour"])
    networks["home-" + name.split()[1].lower()] = home_network(R.choice(["Cambridge", "Quincy", "Newton", "Brookline"]), "MA",
                                                                7922, "Comcast Cable Communications, LLC",
                                                                R.choice(["Home", "Linksys00421", "NETGEAR19", "eero"]), rtt=14.0)

remote = [("Ben Carter", "CA"), ("Julia Romero", "TX"), ("Ahmed Siddiqui", "IL"), ("Rachel Kim", "WA"),
          ("Carlos Mendez", "FL"), ("Emily Zhang", "NY"), ("Noah Jensen", "MN"), ("Zoe Adams", "GA"),
          ("Liam O'Brien", "PA"), ("Maya Patel", "NJ"), ("Jacob Weiss", "CO"), ("Ella Svensson", "UT"),
          ("Omar Haddad", "MI"), ("Sarah Goldstein", "VA")]
for name, region in remote:
    key = "home-" + name.split()[-1].lower().replace("'", "")
    asn, org = ISPS[region]
    networks[key] = home_network(R.choice(["Springfield", "Riverside", "Fairview", "Franklin", "Greenville", "Madison"]),
                                 region, asn, org, R.choice(["Home", "NETGEAR63", "TP-Link_4F2A", "eero", "Verizon_X7K2QD", "MyWiFi"]),
                                 lan=R.choice(["192.168.1", "192.168.0", "10.0.0", "192.168.86"]), rtt=RTT.get(TZ[region], 40.0))
    dev = laptop(employee(name, region), key, R.choice(["windows", "windows", "macos", "linux"]))
    if R.random() < 0.4:
        dev["displays"].append(monitor(R.choice(["DEL", "LEN", "SAM", "GSM"]), R.randrange(1 << 16), R.randrange(1 << 32), "", "", 2560, 1440, 60))
    if R.random() < 0.3:
        add(dev, "usb", [usb("046d", "c548", "Logitech", "USB Receiver", "", ["keyboard", "mouse-relative"])])
    evening_plug_in(dev)

# ----------------------------------------------------------------------------------------------------------

for dev in devices:
    if not dev["changes"]:
        del dev["changes"]

scenario = {
    "format": "telltale-scenario/1",
    "name": "halyard-demo",
    "description": "Demo fleet of Halyard Systems, %d laptops over three days. Two laptop farms of different styles: "
                   "eight laptops in one house in Chandler, Arizona driven through IP-KVMs (one of them spoofing a "
                   "Logitech keyboard and a Dell monitor) during Korean working hours, and seven laptops in two houses "
                   "near Atlanta without any KVM, driven by remote-desktop software through Astrill during US office "
                   "hours. The rest are a head-office team, ordinary remote employees and harmless look-alikes: a couple "
                   "sharing a home, co-workers at a co-working space, a traveller, a docked developer with a keep-awake "
                   "tool, a home lab, a streamer's capture card, a NordVPN user, a night-shift engineer, an IT admin with "
                   "sanctioned remote support and a developer reached over SSH." % len(devices),
    "start": "2026-03-02T00:00:00Z",
    "hours": 72,
    "report_interval_minutes": 10,
    "networks": networks,
    "employees": employees,
    "devices": devices,
    "labels": labels,
}
json.dump(scenario, sys.stdout, indent=1)
sys.stdout.write("\n")

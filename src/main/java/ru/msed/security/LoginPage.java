package ru.msed.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The application opens on the MSED login page (organization, surname, password). */
@Controller
class LoginPage {

    @GetMapping("/")
    String root() {
        return "redirect:/login.html";
    }
}
